/** A setting is missing or invalid; the message is one line that names the variable and the rule. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
