// Zod failures become issues whose path names the offending field.
import { describe, expect, it } from 'vitest';
import { ProductManifestSchema } from '../../core/catalog.ts';
import { issuesFromZod } from '../../core/errors.ts';

describe('issuesFromZod', () => {
  it('names the nested field that is wrong', () => {
    const result = ProductManifestSchema.safeParse({ id: 'Bad Id' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const paths = issuesFromZod(result.error).map((issue) => issue.path);
    expect(paths).toContain('id');
    expect(paths).toContain('parts');
  });
});
