// Draws every processes/*.bpmn as docs/processes/<name>.png with bpmn-js (the renderer Camunda Modeler uses)
// in headless Chromium. Run through docs/tools/render-diagrams, which fetches the two npm packages it needs.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
(async () => {
  const [repo, modules] = process.argv.slice(2);
  const dist = path.join(modules, 'bpmn-js', 'dist');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 2400, height: 1400 }, deviceScaleFactor: 1 });
  const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
    .map(file => fs.readFileSync(path.join(dist, 'assets', file), 'utf8')).join('\n');
  await page.setContent(`<html><head><style>${css} html,body{margin:0;background:#fff} #canvas{width:2400px;height:1400px}</style></head>`
    + `<body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ path: path.join(dist, 'bpmn-viewer.production.min.js') });
  for (const file of fs.readdirSync(path.join(repo, 'processes')).filter(f => f.endsWith('.bpmn')).sort()) {
    const xml = fs.readFileSync(path.join(repo, 'processes', file), 'utf8');
    const size = await page.evaluate(async (xml) => {
      document.getElementById('canvas').innerHTML = '';
      const viewer = new BpmnJS({ container: '#canvas' });
      await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const box = canvas.viewbox().inner;
      const width = Math.ceil(box.width + 40), height = Math.ceil(box.height + 70); // room below for the bpmn.io mark
      document.getElementById('canvas').style.width = width + 'px';
      document.getElementById('canvas').style.height = height + 'px';
      canvas.resized();
      canvas.viewbox({ x: box.x - 20, y: box.y - 20, width, height });
      return { width, height };
    }, xml);
    await page.setViewportSize({ width: size.width, height: size.height });
    const out = path.join(repo, 'docs', 'processes', file.replace('.bpmn', '.png'));
    await page.locator('#canvas').screenshot({ path: out });
    console.log(out + ' ' + size.width + 'x' + size.height);
  }
  await browser.close();
})();
