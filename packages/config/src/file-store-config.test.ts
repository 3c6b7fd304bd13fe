import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('FILE_STORE and S3_*', () => {
  it('defaults to the file system under DATA_DIR', () => {
    expect(loadConfig({}).files).toEqual({ store: 'fs' });
  });

  it('s3 needs a bucket, and both keys or neither', () => {
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(ConfigError);
    expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'motcua', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    );
    expect(
      loadConfig({
        FILE_STORE: 's3',
        S3_BUCKET: 'motcua',
        S3_ENDPOINT: 'https://s3.example.vn',
        S3_PREFIX: 'files/',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'false',
      }).files,
    ).toEqual({
      store: 's3',
      endpoint: 'https://s3.example.vn',
      region: 'us-east-1',
      bucket: 'motcua',
      prefix: 'files/',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: false,
    });
    expect(() => loadConfig({ FILE_STORE: 'ftp' })).toThrow(ConfigError);
  });
});
