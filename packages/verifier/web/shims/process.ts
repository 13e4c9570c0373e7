export const process = { env: {}, platform: 'browser', argv: [] as string[], exitCode: 0 };
