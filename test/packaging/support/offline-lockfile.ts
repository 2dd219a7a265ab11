/**
 * A lockfile that installs a packed tarball of this package offline. `npm install <tgz> --offline`
 * cannot work: it must resolve each dependency's version from registry metadata, which `npm ci`
 * never fetches (it installs from package-lock.json's resolved tarballs). So the install gets a
 * lockfile of its own: this repo's lock without the dev-only packages, under a root that depends
 * on the tarball. `npm ci --offline` then takes every tarball from the npm cache that `npm ci`
 * filled, and installs exactly the locked versions users get.
 */

/** The parts of package.json the lockfile needs. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
}

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly link?: boolean;
  readonly [key: string]: unknown;
}

/** A package-lock.json (v3) of an app that depends on the tarball `tarball` (a path relative to the app). */
export function offlineLockfile(repoLock: { readonly packages: Readonly<Record<string, LockEntry>> }, manifest: PackageManifest, tarball: string): object {
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'packed-install', dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: spec,
      ...(manifest.license ? { license: manifest.license } : {}),
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      ...(manifest.bin ? { bin: manifest.bin } : {}),
      ...(manifest.engines ? { engines: manifest.engines } : {}),
    },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) {
    if (path === '' || entry.dev === true || entry.link === true) continue;
    // Needed in development or optional otherwise: optional for an install of the package.
    const { devOptional, ...kept } = entry;
    packages[path] = devOptional === true ? { ...kept, optional: true } : kept;
  }
  return { name: 'packed-install', lockfileVersion: 3, requires: true, packages };
}
