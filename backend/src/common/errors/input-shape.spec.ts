import { inputShapeViolation, MAX_INPUT_DEPTH } from './input-shape.ts';

describe('inputShapeViolation', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { next: nested(depth - 1) });

  it('passes ordinary input, and files, which arrive as buffers', () => {
    expect(inputShapeViolation({ text: '你好', items: [{ name: 'a' }, 2, null] }, 'body')).toBeUndefined();
    expect(inputShapeViolation(Buffer.from([0, 0, 0]), 'body')).toBeUndefined();
    expect(inputShapeViolation(nested(MAX_INPUT_DEPTH), 'body')).toBeUndefined();
  });

  it('names the string holding a NUL character, in values, keys and parameters', () => {
    expect(inputShapeViolation({ items: [{ name: 'ok' }, { name: 'a\u0000b' }] }, 'body')).toEqual({
      field: 'items[1].name',
      rule: 'noNulCharacter',
      message: 'items[1].name must not contain the NUL character (U+0000)',
    });
    expect(inputShapeViolation({ 'a\u0000': 1 }, 'body')?.rule).toBe('noNulCharacter');
    expect(inputShapeViolation('x\u0000', 'id')?.field).toBe('id');
  });

  it('refuses nesting deeper than any request Kefu defines, without recursing into it', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputShapeViolation({ text: deep }, 'body')).toMatchObject({
      field: expect.stringMatching(/^text/),
      rule: 'maxDepth',
    });
    expect(inputShapeViolation(nested(MAX_INPUT_DEPTH + 1), 'body')?.rule).toBe('maxDepth');
  });
});
