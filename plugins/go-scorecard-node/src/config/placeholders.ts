/** `${key}` or `${key:default}` in a configuration value (Kratos' `placeholderRegexp`). */
const PLACEHOLDER = /\$\{(.*?)\}/g;

/**
 * A configuration value with its placeholders resolved as Kratos' default resolver does (its
 * config/options.go, `defaultResolver`, on by default in `config.New`): `${name}` and
 * `${name:default}` are the value the merged configuration gives the key `name` (another key of
 * the files, looked up by `valueOf`), else the text after the first `:`, else nothing
 * (`addr: ${USER_ADDR:user-svc:9000}` dials `user-svc:9000` where no file writes `USER_ADDR`).
 * A value without placeholders is returned as it is.
 */
export function resolvePlaceholders(
  value: string,
  valueOf: (key: string) => string | undefined,
): string {
  if (!value.includes('${')) return value;
  return value.replace(PLACEHOLDER, (_, inner: string) => {
    const text = inner.trim();
    const colon = text.indexOf(':');
    const key = colon < 0 ? text : text.slice(0, colon);
    return valueOf(key) ?? (colon < 0 ? '' : text.slice(colon + 1));
  });
}
