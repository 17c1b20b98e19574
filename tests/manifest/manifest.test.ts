import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { checkManifest, manifestUrls, type ManifestProblem } from "../../src/build/check-manifest";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** The real manifest with one edit; fails loudly when the text to edit is no longer there. */
function edit(from: string | RegExp, to: string, xml: string = MANIFEST): string {
  const edited = xml.replace(from, to);
  if (edited === xml) throw new Error(`manifest.xml no longer contains ${String(from)}: update this test case`);
  return edited;
}

describe("manifest.xml", () => {
  test("passes every offline check", () => {
    expect(checkManifest(MANIFEST)).toEqual([]);
  });

  test("names only https URLs, with the icon sizes Office expects", () => {
    const urls = manifestUrls(MANIFEST);
    expect(urls.every((u) => u.url.startsWith("https://"))).toBe(true);
    expect(urls).toEqual(
      expect.arrayContaining([
        { source: "<IconUrl>", url: "https://localhost:3000/assets/icon-32.png", iconSize: 32 },
        { source: "<HighResolutionIconUrl>", url: "https://localhost:3000/assets/icon-64.png", iconSize: 64 },
        { source: 'bt:Image "Icon.80x80"', url: "https://localhost:3000/assets/icon-80.png", iconSize: 80 },
        { source: 'bt:Url "Functions.Metadata.Url" (zh-CN)', url: "https://localhost:3000/functions.zh-CN.json" },
      ]),
    );
  });

  test("as a production manifest, reports each of its localhost URLs", () => {
    const localhost = manifestUrls(MANIFEST).filter((u) => u.url.startsWith("https://localhost:3000/"));
    const problems = checkManifest(MANIFEST, { forbidLocalhost: true });
    expect(localhost.length).toBeGreaterThan(5);
    expect(problems).toEqual(localhost.map((u) => ({ code: "LOCALHOST_URL", message: `${u.source} points to localhost: ${u.url}` })));
  });
});

type Case = [name: string, xml: () => string, expected: ManifestProblem[]];

const cases: Case[] = [
  [
    "a mismatched end tag, with where it breaks",
    () => edit("</Permissions>", "</Permission>"),
    [{ code: "NOT_WELL_FORMED", message: "Not well-formed XML (line 31, column 45): unexpected close tag." }],
  ],
  [
    "a duplicate attribute",
    () => edit('<bt:Url id="Functions.Script.Url"', '<bt:Url id="Functions.Script.Url" id="Functions.Script"'),
    [{ code: "NOT_WELL_FORMED", message: "Not well-formed XML (line 107, column 116): duplicate attribute: id." }],
  ],
  [
    "an undeclared namespace prefix",
    () => edit(/\s*xmlns:bt="[^"]*"/, ""),
    [{ code: "NOT_WELL_FORMED", message: 'Not well-formed XML (line 35, column 39): unbound namespace prefix: "bt".' }],
  ],
  [
    "a bare ampersand",
    () => edit("<ProviderName>AI Market Data</ProviderName>", "<ProviderName>AI Market & Data</ProviderName>"),
    [{ code: "NOT_WELL_FORMED", message: "Not well-formed XML (line 129, column 128): disallowed character in entity name." }],
  ],
  [
    "the bt prefix bound to another namespace",
    () => edit('xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"', 'xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.1"'),
    [
      {
        code: "WRONG_NAMESPACE",
        message: "The bt: prefix is bound to http://schemas.microsoft.com/office/officeappbasictypes/1.1; expected http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      },
    ],
  ],
  [
    "a root element in the wrong namespace",
    () => edit('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="http://schemas.microsoft.com/office/appforoffice/1.0"'),
    [
      {
        code: "WRONG_ROOT",
        message:
          "The root element is <OfficeApp> in namespace http://schemas.microsoft.com/office/appforoffice/1.0; expected <OfficeApp> in http://schemas.microsoft.com/office/appforoffice/1.1",
      },
    ],
  ],
  [
    "a content add-in instead of a task pane add-in",
    () => edit('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'),
    [{ code: "WRONG_ROOT", message: '<OfficeApp xsi:type="ContentApp">; expected xsi:type="TaskPaneApp"' }],
  ],
  [
    "VersionOverrides in the wrong namespace",
    () =>
      edit(
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"',
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"',
      ),
    [
      {
        code: "WRONG_NAMESPACE",
        message:
          "<VersionOverrides> is in namespace http://schemas.microsoft.com/office/mailappversionoverrides; expected http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      },
    ],
  ],
  [
    "no VersionOverrides at all",
    () => edit(/\s*<VersionOverrides[\s\S]*<\/VersionOverrides>/, ""),
    [{ code: "MISSING_ELEMENT", message: "Missing <VersionOverrides> under <OfficeApp>" }],
  ],
  [
    "an Id that is not a GUID",
    () => edit(/<Id>[^<]*<\/Id>/, "<Id>aimarket</Id>"),
    [{ code: "BAD_VALUE", message: '<Id> "aimarket" is not a GUID (8-4-4-4-12 hexadecimal digits)' }],
  ],
  [
    "read-only permissions",
    () => edit("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"),
    [{ code: "BAD_VALUE", message: '<Permissions> is "ReadDocument"; expected "ReadWriteDocument"' }],
  ],
  [
    "a default locale other than en-US",
    () => edit("<DefaultLocale>en-US</DefaultLocale>", "<DefaultLocale>fr-FR</DefaultLocale>"),
    [{ code: "BAD_VALUE", message: '<DefaultLocale> is "fr-FR"; the defaults are written in en-US' }],
  ],
  [
    "elements out of schema order",
    () => edit(/(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>ReadWriteDocument<\/Permissions>)/, "$2$1"),
    [{ code: "ELEMENT_ORDER", message: "<DefaultSettings> must come before <Permissions> in <OfficeApp>" }],
  ],
  [
    "no zh-CN display name",
    () => edit(/\s*<Override Locale="zh-CN" Value="2026 AI 市场数据"\/>/, ""),
    [{ code: "MISSING_LOCALE", message: "<DisplayName> has no zh-CN override" }],
  ],
  [
    "no zh-CN ribbon label",
    () => edit(/\s*<bt:Override Locale="zh-CN" Value="AI 市场"\/>/, ""),
    [{ code: "MISSING_LOCALE", message: 'String "Group.Label" has no zh-CN override' }],
  ],
  [
    "no zh-CN functions metadata",
    () => edit(/\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions.zh-CN.json"\/>/, ""),
    [
      {
        code: "MISSING_LOCALE",
        message: 'The custom functions metadata URL "Functions.Metadata.Url" has no zh-CN override (functions.zh-CN.json)',
      },
    ],
  ],
  [
    "a namespace other than AIMARKET",
    () => edit('<bt:String id="Functions.Namespace" DefaultValue="AIMARKET">', '<bt:String id="Functions.Namespace" DefaultValue="AIMKT">'),
    [
      {
        code: "FUNCTIONS_NAMESPACE",
        message: 'The custom functions namespace "Functions.Namespace" is "AIMKT" (default); it must be "AIMARKET" in every language',
      },
    ],
  ],
  [
    "a translated namespace",
    () => edit('<bt:Override Locale="zh-CN" Value="AIMARKET"/>', '<bt:Override Locale="zh-CN" Value="AI市场"/>'),
    [
      {
        code: "FUNCTIONS_NAMESPACE",
        message: 'The custom functions namespace "Functions.Namespace" is "AI市场" (zh-CN); it must be "AIMARKET" in every language',
      },
    ],
  ],
  [
    "a short-lived runtime",
    () => edit('lifetime="long"', 'lifetime="short"'),
    [{ code: "SHARED_RUNTIME", message: '<Runtime> has lifetime="short"; expected "long"' }],
  ],
  [
    "functions on a page of their own",
    () => edit(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1Functions.Script.Url"),
    [
      {
        code: "SHARED_RUNTIME",
        message:
          'The custom functions <Page> uses resid "Functions.Script.Url" but the shared <Runtime> uses "Taskpane.Url": they must be the same page',
      },
    ],
  ],
  [
    "a task pane button that opens another page",
    () => edit(/(<TaskpaneId>AiMarket.Taskpane<\/TaskpaneId>\s*<SourceLocation resid=")Taskpane.Url/, "$1Functions.Script.Url"),
    [
      {
        code: "SHARED_RUNTIME",
        message:
          'The ShowTaskpane action uses resid "Functions.Script.Url" but the shared <Runtime> uses "Taskpane.Url": they must be the same page',
      },
    ],
  ],
  [
    "no runtime",
    () => edit(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, ""),
    [
      {
        code: "SHARED_RUNTIME",
        message: "The Workbook host has 0 <Runtime> elements; expected exactly one, shared by the task pane and the functions",
      },
    ],
  ],
  [
    "no SharedRuntime requirement",
    () => edit(/\s*<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/, ""),
    [
      {
        code: "SHARED_RUNTIME",
        message: 'Missing <bt:Set Name="SharedRuntime" MinVersion="1.1"/> in <VersionOverrides><Requirements><bt:Sets>',
      },
    ],
  ],
  [
    "a resid with a typo",
    () => edit('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'),
    [
      { code: "UNRESOLVED_RESID", message: '<Label resid="Group.Lable"> does not match any resource id' },
      { code: "UNUSED_RESOURCE", message: 'Resource "Group.Label" is never referenced by a resid' },
    ],
  ],
  [
    "a label that names a URL",
    () => edit('<Label resid="Group.Label"/>', '<Label resid="Support.Url"/>'),
    [
      {
        code: "WRONG_RESOURCE_KIND",
        message: '<Label resid="Support.Url"> must name a bt:String in bt:ShortStrings, but "Support.Url" is a bt:Url in bt:Urls',
      },
      { code: "UNUSED_RESOURCE", message: 'Resource "Group.Label" is never referenced by a resid' },
    ],
  ],
  [
    "an icon that names a string",
    () => edit('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image size="16" resid="Group.Label"/>'),
    [
      {
        code: "WRONG_RESOURCE_KIND",
        message: '<bt:Image resid="Group.Label"> must name a bt:Image in bt:Images, but "Group.Label" is a bt:String in bt:ShortStrings',
      },
    ],
  ],
  [
    "one image at two sizes",
    () => edit('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image size="16" resid="Icon.32x32"/>'),
    [{ code: "BAD_VALUE", message: 'Image "Icon.32x32" is used at sizes 16 and 32; one image serves one size' }],
  ],
  [
    "two resources with one id",
    () => edit('<bt:String id="GetStarted.Title"', '<bt:String id="Group.Label"'),
    [
      { code: "DUPLICATE_ID", message: 'Resource id "Group.Label" is defined 2 times' },
      { code: "UNRESOLVED_RESID", message: '<Title resid="GetStarted.Title"> does not match any resource id' },
    ],
  ],
  [
    "a resource id over 32 characters",
    () => edit(/Support\.Url/g, "Support.Url.For.The.Help.Page.Of.AiMarket"),
    [{ code: "TOO_LONG", message: 'Resource id "Support.Url.For.The.Help.Page.Of.AiMarket" is 41 characters; the limit is 32' }],
  ],
  [
    "a ribbon label over 125 characters",
    () => edit('DefaultValue="AI Market">', `DefaultValue="${"A".repeat(126)}">`),
    [{ code: "TOO_LONG", message: 'Resource "Group.Label" (default) is 126 characters; the limit is 125' }],
  ],
  [
    "an http URL",
    () => edit('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'),
    [{ code: "NOT_HTTPS", message: 'bt:Url "Functions.Script.Url" "http://localhost:3000/functions.js" is not an https URL' }],
  ],
  [
    "a relative URL",
    () => edit('<SupportUrl DefaultValue="https://aimarket.example.com/support"/>', '<SupportUrl DefaultValue="/support"/>'),
    [{ code: "NOT_HTTPS", message: '<SupportUrl> "/support" is not an absolute URL' }],
  ],
  [
    "no task pane button on the Home tab",
    () => edit('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'),
    [
      {
        code: "MISSING_ELEMENT",
        message: 'No button on the Home tab (<OfficeTab id="TabHome">) whose <Action xsi:type="ShowTaskpane"> opens the task pane',
      },
    ],
  ],
  [
    "no custom functions",
    () => edit(/\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>/, ""),
    [
      { code: "UNUSED_RESOURCE", message: 'Resource "Functions.Script.Url" is never referenced by a resid' },
      { code: "UNUSED_RESOURCE", message: 'Resource "Functions.Metadata.Url" is never referenced by a resid' },
      { code: "UNUSED_RESOURCE", message: 'Resource "Functions.Namespace" is never referenced by a resid' },
      { code: "MISSING_ELEMENT", message: 'Missing <ExtensionPoint xsi:type="CustomFunctions"> under <AllFormFactors>' },
    ],
  ],
];

describe("checkManifest reports", () => {
  test.each(cases)("%s", (_name, xml, expected) => {
    expect(checkManifest(xml())).toEqual(expected);
  });
});

describe("npm run manifest:check", () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "check-manifest.ts"), ...args], {
      cwd: ROOT,
    });
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "manifest-check-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("exits 0 on manifest.xml", async () => {
    await expect(cli()).resolves.toMatchObject({ stdout: "manifest.xml: manifest checks passed.\n" });
  });

  test("exits 1 and lists the problems of a broken manifest", async () => {
    const file = join(dir, "bad.xml");
    writeFileSync(file, edit("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"));
    await expect(cli(file)).rejects.toMatchObject({
      code: 1,
      stderr: `${file}: 1 problem:\n  BAD_VALUE  <Permissions> is "ReadDocument"; expected "ReadWriteDocument"\n`,
    });
  });

  test("with --production, exits 1 on localhost URLs", async () => {
    await expect(cli("manifest.xml", "--production")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("LOCALHOST_URL  bt:Url \"Taskpane.Url\" points to localhost: https://localhost:3000/taskpane.html"),
    });
  });
});
