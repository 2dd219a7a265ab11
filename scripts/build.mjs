// `npm run build` (also `prepare`, so npm ci, npm pack and git installs build): compiles compiler/
// to dist/ with `tsc -p tsconfig.build.json`, after removing the old dist/. Plain JavaScript: it runs
// before anything is built and without tsx.
//
// One case needs more: a global install from git (`npm install -g git+…`, which is how pre-commit
// installs node hooks) prepares the package with a nested `npm install` that puts the dependencies in
// the global prefix instead of this folder (npm/cli#8440), so TypeScript is missing here. Then the
// dependencies are installed into this folder first, as npm documents for git dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');

if (!existsSync(tsc)) {
  console.error('build: TypeScript is not installed in this folder; installing the dependencies here first.');
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const env = { ...process.env, npm_config_global: 'false' };
  execFileSync(npm[0], [...npm.slice(1), 'install', '--global=false', `--prefix=${root}`, '--include=dev', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, env, stdio: 'inherit' });
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
