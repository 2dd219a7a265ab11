/** k8s/no-latest-tag: images are pinned by a tag other than `latest`, or by digest. */
import type { ManifestRule, ManifestViolation } from '../../rule.ts';
import { describeContainer, eachContainer, imageOf } from './container-fields.ts';
import { parseImageReference } from './image-reference.ts';

/** The rule. */
export const noLatestTag: ManifestRule = {
  id: 'k8s/no-latest-tag',
  scope: 'manifest',
  podsOnly: true,
  title: 'No :latest or untagged images',
  description: 'An untagged or `:latest` image changes under you: the same manifest runs different code on different nodes and days, and rollbacks do not roll back.',
  fix: 'Pin the image to a version tag (`:1.4.2`) or, better, a digest (`@sha256:…`).',
  defaultMode: 'enforce',
  check({ pods }) {
    const violations: ManifestViolation[] = [];
    for (const { pod, container } of eachContainer(pods)) {
      const image = imageOf(container);
      if (!image) continue;
      const reference = parseImageReference(image);
      if (reference.digest) continue;
      if (reference.tag === undefined) violations.push({ pod, field: 'image', message: `${describeContainer(pod, container)} uses untagged image "${image}".` });
      else if (reference.tag === 'latest') violations.push({ pod, field: 'image', message: `${describeContainer(pod, container)} uses image "${image}" with the :latest tag.` });
    }
    return violations;
  },
};
