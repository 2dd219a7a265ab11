/** k8s/allowed-registries: images come from the registries platform.yaml allows. */
import { DEFAULT_DRIFT_CHECK_IMAGE } from '../../../resolve/resolve-platform.ts';
import type { ManifestRule } from '../../rule.ts';
import { describeContainer, eachContainer, imageOf } from './container-fields.ts';

/** Images the compiler supplies itself when the config names none; they pass (set the image in config to use a mirror). */
export const SYSTEM_IMAGES: ReadonlySet<string> = new Set([DEFAULT_DRIFT_CHECK_IMAGE]);

/** The rule. */
export const allowedRegistries: ManifestRule = {
  id: 'k8s/allowed-registries',
  scope: 'manifest',
  podsOnly: true,
  title: 'Images from allowed registries',
  description: 'When platform.yaml lists `images.allowedRegistries`, every image must start with one of those prefixes, so only scanned, organisation-controlled images run. The compiler\'s own default tool images (the drift check) pass; name a mirrored image in config to replace them.',
  fix: 'Push the image to an allowed registry and reference it there, or ask the platform team to allow the registry.',
  defaultMode: 'enforce',
  check({ pods }, { org }) {
    const allowed = org.platform.allowedRegistries;
    if (allowed.length === 0) return [];
    return eachContainer(pods)
      .filter(({ container }) => {
        const image = imageOf(container);
        return image !== undefined && !SYSTEM_IMAGES.has(image) && !allowed.some((prefix) => image.startsWith(prefix));
      })
      .map(({ pod, container }) => ({ pod, field: 'image', message: `${describeContainer(pod, container)} uses image "${imageOf(container)}" from a registry not in ${allowed.join(', ')}.` }));
  },
};
