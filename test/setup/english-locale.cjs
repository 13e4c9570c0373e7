// The CLIs a test spawns speak English unless the test asks for a language: the verifier follows
// the locale (LC_ALL, then LC_MESSAGES, then LANG) when no --language is given, and a developer's
// German or Japanese shell must not turn the English asserts red.
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
process.env.LANG = 'C.UTF-8';
