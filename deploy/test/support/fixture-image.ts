import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A tiny but valid OCI image archive (one layer holding one text file), so bundle tests run in seconds instead of
 * packing the real 130 MB image. Returns the archive path and its manifest digest.
 */
export function fixtureImage(dir: string, text: string): { archive: string; digest: string } {
  // Inside the caller's folder, so that its clean-up removes this too.
  const work = mkdtempSync(join(dir, 'fixture-image-'));
  const rootfs = join(work, 'rootfs');
  mkdirSync(rootfs);
  writeFileSync(join(rootfs, 'hello.txt'), text);
  const layerTar = join(work, 'layer.tar');
  execFileSync('tar', ['--create', '--file', layerTar, '--mtime=@0', '--numeric-owner', '-C', rootfs, 'hello.txt']);
  const layout = join(work, 'layout');
  const blobs = join(layout, 'blobs/sha256');
  mkdirSync(blobs, { recursive: true });
  const blob = (data: Buffer | string, mediaType: string) => {
    const digest = sha256(data);
    writeFileSync(join(blobs, digest), data);
    return { mediaType, digest: `sha256:${digest}`, size: Buffer.byteLength(data) };
  };
  const tarBytes = readFileSync(layerTar);
  const layer = blob(gzipSync(tarBytes), 'application/vnd.oci.image.layer.v1.tar+gzip');
  const config = blob(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(tarBytes)}`] },
    }),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = blob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config,
      layers: [layer],
    }),
    'application/vnd.oci.image.manifest.v1+json',
  );
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ ...manifest, annotations: { 'org.opencontainers.image.ref.name': '0.0.0-test' } }],
    }),
  );
  writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  const archive = join(dir, 'kefu-image-0.0.0-test.oci.tar');
  execFileSync('tar', ['--create', '--file', archive, '-C', layout, 'oci-layout', 'index.json', 'blobs']);
  return { archive, digest: manifest.digest };
}
