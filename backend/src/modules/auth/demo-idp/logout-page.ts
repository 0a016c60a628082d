/**
 * The built-in provider's sign-out confirmation. oidc-provider's own page imports a web font from the internet,
 * which an offline site must never do; this one loads nothing (not even a favicon) and speaks both console languages.
 * `form` is oidc-provider's hidden form (its action and xsrf token); the buttons submit it.
 */
export function renderLogoutPage(form: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kefu 退出登录 / Sign out</title>
<link rel="icon" href="data:,">
<style>
body{font-family:system-ui,sans-serif;background:#f5f7fa;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0002;width:20rem}
button{margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:4px}
.primary{background:#1677ff;color:#fff}
</style>
</head>
<body>
<main>
<h1>退出登录？ / Sign out?</h1>
${form}
<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">退出登录 / Sign out</button>
<button type="submit" form="op.logoutForm">保持登录 / Stay signed in</button>
</main>
</body>
</html>`;
}

/** Shown when sign-out ends without a redirect back to the console. */
export function renderLoggedOutPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Kefu 已退出 / Signed out</title></head>
<body><p>您已退出登录 / You are signed out.</p></body>
</html>`;
}
