/**
 * A stand-in for a bank's web page with the widget embedded, so the quick start shows the customer's side at
 * /widget/demo (and the browser tests drive the same page a bank would).
 */
export function demoPage(language: 'zh' | 'en'): string {
  const [htmlLang, title, intro] =
    language === 'zh'
      ? ['zh-CN', '示例银行 — 在线客服演示', '这是一个嵌入了 Kefu 聊天窗口的示例页面。点击右下角的“在线客服”开始对话。']
      : [
          'en-US',
          'Demo Bank — chat widget demo',
          'A sample page with the Kefu chat widget embedded. Open it from the bottom right.',
        ];
  return `<!doctype html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${intro}</p>
</main>
<script src="/widget/socket.io.min.js"></script>
<script src="/widget/kefu-widget.js" data-lang="${htmlLang}" defer></script>
</body>
</html>
`;
}
