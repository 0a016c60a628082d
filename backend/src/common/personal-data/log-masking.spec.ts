import { Writable } from 'node:stream';
import { createLogger } from '../logging/create-logger.ts';

function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', destination), lines };
}

describe('the log pipeline', () => {
  it('masks personal data in messages, printf arguments, nested fields and errors', async () => {
    const { logger, lines } = capturedLogger();
    logger.info('call 13812345678 now');
    logger.info(
      { phone: '13812345678', nested: { card: '6222021234567890128', to: ['a.b@c.cn'] } },
      'x %s',
      '13912345678',
    );
    logger.error(new Error('bad id 11010519491231002X'));
    logger.error({ err: new Error('card 4111111111111111 refused') }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    const output = lines.join('');
    for (const secret of [
      '13812345678',
      '6222021234567890128',
      'a.b@c.cn',
      '13912345678',
      '11010519491231002X',
      '4111111111111111',
    ])
      expect(output).not.toContain(secret);
    expect(output).toContain('138****5678');
    expect(output).toContain('110105********002X');
    expect(JSON.parse(lines[2] as string)).toMatchObject({ msg: 'bad id 110105********002X', level: 50 });
    expect(JSON.parse(lines[3] as string).err.message).toBe('card 411111******1111 refused');
  });
});
