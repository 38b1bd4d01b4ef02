'use strict';
/**
 * A read-only npm registry on 127.0.0.1 for upgrade specs: it serves the given tarballs (npm pack output)
 * as their packages (packument + tarball), so `nx migrate @eleventh/nx@<v>` and `npm install` fetch the
 * packed packages as they would from an organisation's registry (`@eleventh:registry=…` in .npmrc); every
 * other package still comes from the npm registry. Run as a child process (the spec's own event loop blocks
 * on its spawnSync steps):  node local-registry.js <tgz…>   → prints `http://127.0.0.1:<port>/` once listening.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/** package.json out of a tarball: the first `package/package.json` entry of the (gzipped) tar. */
function manifestOf(tgz) {
  const tar = zlib.gunzipSync(fs.readFileSync(tgz));
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
    const size = parseInt(tar.toString('utf8', at + 124, at + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === 'package/package.json') return JSON.parse(tar.toString('utf8', at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${tgz}: no package/package.json`);
}

function start(tarballs) {
  const packages = new Map();
  const files = new Map();
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url || '/').split('?')[0]).replace(/^\/+/, '');
    if (files.has(url)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(fs.readFileSync(files.get(url)));
    } else if (packages.has(url)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(packages.get(url)));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found' }));
    }
  });
  server.listen(0, '127.0.0.1', () => {
    const base = `http://127.0.0.1:${server.address().port}/`;
    for (const tgz of tarballs) {
      const manifest = manifestOf(tgz);
      const data = fs.readFileSync(tgz);
      const file = `${manifest.name}/-/${path.basename(tgz)}`;
      files.set(file, tgz);
      const doc = packages.get(manifest.name) || { name: manifest.name, 'dist-tags': {}, versions: {}, time: {} };
      doc.versions[manifest.version] = {
        ...manifest,
        _id: `${manifest.name}@${manifest.version}`,
        dist: {
          tarball: base + file,
          shasum: crypto.createHash('sha1').update(data).digest('hex'),
          integrity: `sha512-${crypto.createHash('sha512').update(data).digest('base64')}`,
        },
      };
      doc['dist-tags'].latest = manifest.version;
      doc.time[manifest.version] = doc.time.created = doc.time.modified = '2026-01-01T00:00:00.000Z';
      packages.set(manifest.name, doc);
    }
    process.stdout.write(`${base}\n`);
  });
  // Bounded: a spec that forgets to stop it does not leave it running.
  setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (require.main === module) start(process.argv.slice(2));
module.exports = { manifestOf };
