// Every test starts from a quiet, known environment: no real platform is ever called.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
process.env.NODE_ENV = 'test';
