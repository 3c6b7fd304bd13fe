import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '@mot-cua/core';
import { type FileStore, isDiskFull, type PutRules, SHA256_HEX, spool, sweepSpool } from './file-store.js';

export type S3Options = {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
};

const notFound = (e: unknown) => {
  const x = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return x.name === 'NoSuchKey' || x.name === 'NotFound' || x.$metadata?.httpStatusCode === 404;
};

/**
 * Contents as objects of an S3-compatible bucket (`<prefix><sha256>`), for production. An upload is spooled to a
 * local temporary file first (bounded memory, checked, hashed, so the key is known), then sent with its length
 * and its sha256 for the server to verify; the temporary file is removed either way. A re-upload of the same
 * bytes overwrites the object (same content), which also renews its date for the orphan sweep's grace.
 */
export function createS3FileStore(opts: S3Options, spoolDir: string): FileStore {
  const client = new S3Client({
    region: opts.region,
    forcePathStyle: opts.forcePathStyle,
    // Checksums only where the API requires them: S3-compatible servers differ in the optional ones (the
    // upload still carries its sha256 for the server to verify).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.accessKeyId && opts.secretAccessKey
      ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } }
      : {}),
  });
  const Bucket = opts.bucket;
  const keyOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a sha256');
    return `${opts.prefix}${sha256}`;
  };
  return {
    kind: 's3',
    async put(source: AsyncIterable<Uint8Array>, rules: PutRules) {
      const s = await spool(source, rules, spoolDir);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: keyOf(s.sha256),
            Body: createReadStream(s.path),
            ContentLength: s.sizeBytes,
            ContentType: s.mediaType,
            ChecksumSHA256: Buffer.from(s.sha256, 'hex').toString('base64'),
          }),
        );
      } catch (e) {
        throw isDiskFull(e) ? new AppError('STORAGE_FULL') : e;
      } finally {
        await unlink(s.path).catch(() => {});
      }
      return { sha256: s.sha256, sizeBytes: s.sizeBytes, mediaType: s.mediaType };
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) return undefined;
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return { stream: r.Body as Readable, sizeBytes: Number(r.ContentLength ?? 0) };
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async has(sha256) {
      if (!SHA256_HEX.test(sha256)) return false;
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return true;
      } catch (e) {
        if (notFound(e)) return false;
        throw e;
      }
    },
    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
    async *list() {
      let token: string | undefined;
      do {
        const r = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: opts.prefix, ...(token ? { ContinuationToken: token } : {}) }),
        );
        for (const o of r.Contents ?? []) {
          const sha256 = (o.Key ?? '').slice(opts.prefix.length);
          if (SHA256_HEX.test(sha256)) yield { sha256, storedAt: o.LastModified ?? new Date(0) };
        }
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
    },
    sweepTemporary: (olderThan) => sweepSpool(spoolDir, olderThan),
  };
}
