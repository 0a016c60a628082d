import { type JobStatus, Jobs } from '../src/modules/jobs/index.ts';
import { JobsProbeModule } from './fixtures/jobs-probe.module.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('background jobs on pg-boss in the application database', () => {
  let kefu: TestApp;
  let jobs: Jobs;

  beforeAll(async () => {
    kefu = await startTestApp({ extraModules: [JobsProbeModule] });
    jobs = kefu.app.get(Jobs);
  });
  afterAll(() => kefu.close());

  const settled = async (id: string): Promise<JobStatus> => {
    let status = await jobs.status(id);
    while (!['completed', 'failed'].includes(status.state)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await jobs.status(id);
    }
    return status;
  };

  it('runs a job and keeps its last progress note and its output', async () => {
    const id = await jobs.send('probe.echo', { word: '你好' });
    await expect(settled(id)).resolves.toEqual({
      id,
      queue: 'probe.echo',
      state: 'completed',
      progress: 100,
      note: 'half way',
      output: { echoed: '你好' },
      error: null,
    });
  });

  it('reports the error of a failed job', async () => {
    const id = await jobs.send('probe.fail', {}, { retryLimit: 0 });
    await expect(settled(id)).resolves.toMatchObject({ state: 'failed', error: 'the probe failed on purpose' });
  });

  it('answers 404 for a job it does not know', async () => {
    await expect(jobs.status('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
  });
});
