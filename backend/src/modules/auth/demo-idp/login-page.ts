/** The sign-in form of the built-in identity provider: plain HTML, no scripts, nothing loaded from elsewhere. */
export function renderLoginPage(options: { action: string; username?: string; failed: boolean }): string {
  const error = options.failed ? '<p role="alert" class="error">用户名或密码错误 / Wrong username or password</p>' : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kefu 登录 / Sign in</title>
<style>
body{font-family:system-ui,sans-serif;background:#f5f7fa;display:flex;justify-content:center;padding-top:10vh}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0002;width:20rem}
label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1.5rem;width:100%;padding:.6rem;background:#1677ff;color:#fff;border:0;border-radius:4px}
.error{color:#c00}.note{color:#888;font-size:.8rem}
</style>
</head>
<body>
<form method="post" action="${escapeHtml(options.action)}">
<h1>Kefu 登录 / Sign in</h1>
${error}
<label for="username">用户名 / Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}">
<label for="password">密码 / Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录 / Sign in</button>
<p class="note">内置演示身份提供方，仅供评估 / Built-in demo identity provider, for evaluation only</p>
</form>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
