// The npm registry mirror of our machines serves only linux-x64 builds of platform packages, so `npm install` writes a
// lock without the other platforms' optional entries and `npm ci` then refuses it. This adds those entries (version,
// os, cpu; never installed on other platforms). Run after `npm install`: node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platform = (name) => {
  const n = name.split('/').pop();
  const os = /android/.test(n) ? 'android' : /darwin/.test(n) ? 'darwin' : /win32|windows/.test(n) ? 'win32' : /freebsd/.test(n) ? 'freebsd' : /wasm32/.test(n) ? null : 'linux';
  const cpu = /arm64/.test(n) ? 'arm64' : /wasm32/.test(n) ? 'wasm32' : 'x64';
  return { os, cpu };
};
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const { os, cpu } = platform(dep);
    lock.packages[key] = { version, ...(cpu ? { cpu: [cpu] } : {}), ...(os ? { os: [os] } : {}), optional: true };
    added++;
  }
}
if (process.argv.includes('--check')) {
  if (added > 0) {
    console.error(`package-lock.json lacks ${added} platform entries, so \`npm ci\` will refuse it: run node .ci/complete-lockfile.mjs and commit.`);
    process.exit(1);
  }
} else {
  writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
  console.log(`package-lock.json: added ${added} platform entries`);
}
