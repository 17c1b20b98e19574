// Offline checks of the add-in only (XML) manifest: what Office needs to load our add-in as one shared
// runtime with =AIMARKET functions, a Home-tab button and zh-CN strings. Microsoft's validator needs
// a web service; this is the part of its job we can do without one, plus our own rules.
import { allElements, attr, child, children, descendants, parseXml, XmlParseError, type XmlElement } from "./parse-xml";

export const FUNCTIONS_NAMESPACE = "AIMARKET";

export const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export type ManifestProblemCode =
  | "NOT_WELL_FORMED"
  | "WRONG_ROOT"
  | "WRONG_NAMESPACE"
  | "MISSING_ELEMENT"
  | "ELEMENT_ORDER"
  | "BAD_VALUE"
  | "TOO_LONG"
  | "DUPLICATE_ID"
  | "UNRESOLVED_RESID"
  | "WRONG_RESOURCE_KIND"
  | "UNUSED_RESOURCE"
  | "FUNCTIONS_NAMESPACE"
  | "SHARED_RUNTIME"
  | "MISSING_LOCALE"
  | "NOT_HTTPS"
  | "LOCALHOST_URL";

export interface ManifestProblem {
  code: ManifestProblemCode;
  message: string;
}

export interface CheckManifestOptions {
  /** Locales that every user-visible string needs an override for. */
  locales?: readonly string[];
  /** Report every URL on localhost: a production manifest must not have any. */
  forbidLocalhost?: boolean;
}

/** A URL written in the manifest, where it was found, and the icon size Office expects there. */
export interface ManifestUrl {
  source: string;
  url: string;
  iconSize?: number;
}

type ResourceKind = "Image" | "Url" | "ShortString" | "LongString";

const KIND_NAMES: Record<ResourceKind, string> = {
  Image: "a bt:Image in bt:Images",
  Url: "a bt:Url in bt:Urls",
  ShortString: "a bt:String in bt:ShortStrings",
  LongString: "a bt:String in bt:LongStrings",
};

const KIND_LIMITS: Partial<Record<ResourceKind, number>> = { ShortString: 125, LongString: 250 };

/** The resource kind a `resid` must name, by the local name of the element that carries it. */
const RESID_KINDS: Record<string, ResourceKind> = {
  Runtime: "Url",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Image: "Image",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

/** Child order that the manifest XSDs require (optional children may be left out). */
const ORDER: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
    "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
    "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "WebApplicationInfo"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  CustomFunctions: ["Script", "Page", "Metadata", "Namespace"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const RESID_MAX = 32;

interface Resource {
  id: string;
  kind: ResourceKind;
  defaultValue: string;
  /** Override values by locale, as written. */
  overrides: Map<string, string>;
}

class Problems {
  readonly list: ManifestProblem[] = [];
  add(code: ManifestProblemCode, message: string): void {
    this.list.push({ code, message });
  }
}

function xsiType(el: XmlElement): string | undefined {
  return attr(el, "type", NS.xsi);
}

function text(el: XmlElement | undefined): string {
  return (el?.text ?? "").trim();
}

function sameLocale(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function hasLocale(overrides: Map<string, string>, wanted: string): boolean {
  return [...overrides.keys()].some((locale) => sameLocale(locale, wanted));
}

function checkOrder(parent: XmlElement, orderKey: string, label: string, problems: Problems): void {
  const order = ORDER[orderKey]!;
  let lastIndex = -1;
  let lastName = "";
  for (const el of parent.children) {
    const index = order.indexOf(el.localName);
    if (index === -1) continue;
    if (index < lastIndex) {
      problems.add("ELEMENT_ORDER", `<${el.localName}> must come before <${lastName}> in ${label}`);
      return;
    }
    lastIndex = index;
    lastName = el.localName;
  }
}

function checkUrl(source: string, url: string, options: CheckManifestOptions, problems: Problems): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.add("NOT_HTTPS", `${source} "${url}" is not an absolute URL`);
    return;
  }
  if (parsed.protocol !== "https:") problems.add("NOT_HTTPS", `${source} "${url}" is not an https URL`);
  if (options.forbidLocalhost && ["localhost", "127.0.0.1", "[::1]"].includes(parsed.hostname)) {
    problems.add("LOCALHOST_URL", `${source} points to localhost: ${url}`);
  }
}

function overridesOf(el: XmlElement, ns: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const override of children(el, ns, "Override")) {
    map.set(attr(override, "Locale") ?? "", attr(override, "Value") ?? "");
  }
  return map;
}

/** DefaultValue and every Override Value of a base-manifest element such as <DisplayName>. */
function baseValues(root: XmlElement, name: string): { source: string; value: string }[] {
  const el = child(root, NS.office, name);
  if (!el) return [];
  const values = [{ source: `<${name}>`, value: attr(el, "DefaultValue") ?? "" }];
  for (const [locale, value] of overridesOf(el, NS.office)) values.push({ source: `<${name}> (${locale})`, value });
  return values;
}

function readResources(versionOverrides: XmlElement, problems: Problems): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const resourcesEl = child(versionOverrides, NS.overrides, "Resources");
  if (!resourcesEl) {
    problems.add("MISSING_ELEMENT", "Missing <Resources> under <VersionOverrides>");
    return resources;
  }
  checkOrder(resourcesEl, "Resources", "<Resources>", problems);
  const groups: [string, string, ResourceKind][] = [
    ["Images", "Image", "Image"],
    ["Urls", "Url", "Url"],
    ["ShortStrings", "String", "ShortString"],
    ["LongStrings", "String", "LongString"],
  ];
  const counts = new Map<string, number>();
  for (const [groupName, itemName, kind] of groups) {
    for (const group of children(resourcesEl, NS.bt, groupName)) {
      for (const item of children(group, NS.bt, itemName)) {
        const id = attr(item, "id") ?? "";
        counts.set(id, (counts.get(id) ?? 0) + 1);
        const resource: Resource = {
          id,
          kind,
          defaultValue: attr(item, "DefaultValue") ?? "",
          overrides: overridesOf(item, NS.bt),
        };
        if (id === "") problems.add("BAD_VALUE", `A bt:${itemName} in bt:${groupName} has no id`);
        else if (id.length > RESID_MAX) {
          problems.add("TOO_LONG", `Resource id "${id}" is ${id.length} characters; the limit is ${RESID_MAX}`);
        }
        if (resource.defaultValue === "") problems.add("BAD_VALUE", `Resource "${id}" has no DefaultValue`);
        const limit = KIND_LIMITS[kind];
        const values: [string, string][] = [["default", resource.defaultValue], ...resource.overrides];
        for (const [locale, value] of values) {
          if (value === "" && locale !== "default") problems.add("BAD_VALUE", `Resource "${id}" has an empty ${locale} value`);
          if (limit !== undefined && [...value].length > limit) {
            problems.add("TOO_LONG", `Resource "${id}" (${locale}) is ${[...value].length} characters; the limit is ${limit}`);
          }
        }
        if (!resources.has(id)) resources.set(id, resource);
      }
    }
  }
  for (const [id, count] of counts) {
    if (count > 1 && id !== "") problems.add("DUPLICATE_ID", `Resource id "${id}" is defined ${count} times`);
  }
  return resources;
}

function checkResids(
  versionOverrides: XmlElement,
  resources: Map<string, Resource>,
  problems: Problems,
): Set<string> {
  const used = new Set<string>();
  const walk = (el: XmlElement): void => {
    const resid = attr(el, "resid");
    if (resid !== undefined) {
      used.add(resid);
      const resource = resources.get(resid);
      const expected = RESID_KINDS[el.localName];
      const tag = `<${el.tagName} resid="${resid}">`;
      if (!resource) problems.add("UNRESOLVED_RESID", `${tag} does not match any resource id`);
      else if (expected && resource.kind !== expected) {
        problems.add(
          "WRONG_RESOURCE_KIND",
          `${tag} must name ${KIND_NAMES[expected]}, but "${resid}" is ${KIND_NAMES[resource.kind]}`,
        );
      }
    }
    for (const c of el.children) walk(c);
  };
  for (const c of versionOverrides.children) {
    if (c.localName !== "Resources") walk(c);
  }
  return used;
}

function checkBase(root: XmlElement, options: CheckManifestOptions, problems: Problems): void {
  checkOrder(root, "OfficeApp", "<OfficeApp>", problems);
  const required = (name: string): XmlElement | undefined => {
    const el = child(root, NS.office, name);
    if (!el) problems.add("MISSING_ELEMENT", `Missing <${name}> under <OfficeApp>`);
    return el;
  };

  const id = required("Id");
  if (id && !GUID.test(text(id))) {
    problems.add("BAD_VALUE", `<Id> "${text(id)}" is not a GUID (8-4-4-4-12 hexadecimal digits)`);
  }
  const version = required("Version");
  if (version && !VERSION.test(text(version))) {
    problems.add("BAD_VALUE", `<Version> "${text(version)}" is not 1 to 4 dot-separated numbers`);
  }
  const provider = required("ProviderName");
  if (provider && text(provider) === "") problems.add("BAD_VALUE", "<ProviderName> is empty");
  const locale = required("DefaultLocale");
  if (locale && !sameLocale(text(locale), "en-US")) {
    problems.add("BAD_VALUE", `<DefaultLocale> is "${text(locale)}"; the defaults are written in en-US`);
  }

  for (const [name, limit] of [["DisplayName", 125], ["Description", 250]] as const) {
    const el = required(name);
    if (!el) continue;
    for (const { source, value } of baseValues(root, name)) {
      if (value.trim() === "") problems.add("BAD_VALUE", `${source} is empty`);
      if ([...value].length > limit) {
        problems.add("TOO_LONG", `${source} is ${[...value].length} characters; the limit is ${limit}`);
      }
    }
    const overrides = overridesOf(el, NS.office);
    for (const wanted of options.locales ?? []) {
      if (!hasLocale(overrides, wanted)) problems.add("MISSING_LOCALE", `<${name}> has no ${wanted} override`);
    }
  }
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) required(name);

  const hosts = required("Hosts");
  if (hosts && !children(hosts, NS.office, "Host").some((h) => attr(h, "Name") === "Workbook")) {
    problems.add("MISSING_ELEMENT", '<Hosts> has no <Host Name="Workbook">');
  }
  const settings = required("DefaultSettings");
  if (settings && !attr(child(settings, NS.office, "SourceLocation"), "DefaultValue")) {
    problems.add("MISSING_ELEMENT", "Missing <SourceLocation DefaultValue> under <DefaultSettings>");
  }
  const permissions = required("Permissions");
  if (permissions && text(permissions) !== "ReadWriteDocument") {
    problems.add("BAD_VALUE", `<Permissions> is "${text(permissions)}"; expected "ReadWriteDocument"`);
  }
}

function checkSharedRuntime(
  versionOverrides: XmlElement,
  host: XmlElement,
  customFunctions: XmlElement | undefined,
  problems: Problems,
): void {
  const sets = child(child(versionOverrides, NS.overrides, "Requirements"), NS.bt, "Sets");
  const sharedSet = sets ? children(sets, NS.bt, "Set").find((s) => attr(s, "Name") === "SharedRuntime") : undefined;
  const minVersion = attr(sharedSet, "MinVersion") || attr(sets, "DefaultMinVersion") || "1.1";
  if (!sharedSet) {
    problems.add(
      "SHARED_RUNTIME",
      'Missing <bt:Set Name="SharedRuntime" MinVersion="1.1"/> in <VersionOverrides><Requirements><bt:Sets>',
    );
  } else if (minVersion !== "1.1") {
    problems.add("SHARED_RUNTIME", `The SharedRuntime requirement asks for version ${minVersion}; expected 1.1`);
  }

  const runtimes = children(host, NS.overrides, "Runtimes").flatMap((r) => children(r, NS.overrides, "Runtime"));
  if (runtimes.length !== 1) {
    problems.add(
      "SHARED_RUNTIME",
      `The Workbook host has ${runtimes.length} <Runtime> elements; expected exactly one, shared by the task pane and the functions`,
    );
    return;
  }
  const runtime = runtimes[0]!;
  const runtimeResid = attr(runtime, "resid") ?? "";
  if (attr(runtime, "lifetime") !== "long") {
    problems.add("SHARED_RUNTIME", `<Runtime> has lifetime="${attr(runtime, "lifetime") ?? ""}"; expected "long"`);
  }
  const mustShare = (what: string, resid: string | undefined): void => {
    if (resid && resid !== runtimeResid) {
      problems.add(
        "SHARED_RUNTIME",
        `${what} uses resid "${resid}" but the shared <Runtime> uses "${runtimeResid}": they must be the same page`,
      );
    }
  };
  mustShare(
    "The custom functions <Page>",
    attr(child(child(customFunctions, NS.overrides, "Page"), NS.overrides, "SourceLocation"), "resid"),
  );
  for (const functionFile of descendants(host, NS.overrides, "FunctionFile")) {
    mustShare("<FunctionFile>", attr(functionFile, "resid"));
  }
  for (const action of descendants(host, NS.overrides, "Action")) {
    if (xsiType(action) === "ShowTaskpane") {
      mustShare("The ShowTaskpane action", attr(child(action, NS.overrides, "SourceLocation"), "resid"));
    }
  }
}

function checkCustomFunctions(
  customFunctions: XmlElement | undefined,
  resources: Map<string, Resource>,
  options: CheckManifestOptions,
  problems: Problems,
): string | undefined {
  if (!customFunctions) {
    problems.add("MISSING_ELEMENT", 'Missing <ExtensionPoint xsi:type="CustomFunctions"> under <AllFormFactors>');
    return undefined;
  }
  checkOrder(customFunctions, "CustomFunctions", 'the CustomFunctions <ExtensionPoint>', problems);
  const locationResid = (name: string): string | undefined => {
    const resid = attr(child(child(customFunctions, NS.overrides, name), NS.overrides, "SourceLocation"), "resid");
    if (!resid) problems.add("MISSING_ELEMENT", `Missing <${name}><SourceLocation resid="..."/> in the CustomFunctions extension point`);
    return resid ?? undefined;
  };
  locationResid("Script");
  locationResid("Page");
  const metadataResid = locationResid("Metadata");
  const metadata = metadataResid ? resources.get(metadataResid) : undefined;
  for (const wanted of options.locales ?? []) {
    if (metadata && !hasLocale(metadata.overrides, wanted)) {
      problems.add(
        "MISSING_LOCALE",
        `The custom functions metadata URL "${metadataResid}" has no ${wanted} override (functions.${wanted}.json)`,
      );
    }
  }

  const namespaceResid = attr(child(customFunctions, NS.overrides, "Namespace"), "resid");
  if (!namespaceResid) {
    problems.add("MISSING_ELEMENT", 'Missing <Namespace resid="..."/> in the CustomFunctions extension point');
    return undefined;
  }
  const namespace = resources.get(namespaceResid);
  if (namespace) {
    const values: [string, string][] = [["default", namespace.defaultValue], ...namespace.overrides];
    for (const [locale, value] of values) {
      if (value !== FUNCTIONS_NAMESPACE) {
        problems.add(
          "FUNCTIONS_NAMESPACE",
          `The custom functions namespace "${namespaceResid}" is "${value}" (${locale}); it must be "${FUNCTIONS_NAMESPACE}" in every language`,
        );
      }
    }
  }
  return namespaceResid;
}

function checkRibbon(host: XmlElement, problems: Problems): void {
  const desktop = child(host, NS.overrides, "DesktopFormFactor");
  if (!desktop) {
    problems.add("MISSING_ELEMENT", "Missing <DesktopFormFactor> in the Workbook host");
    return;
  }
  checkOrder(desktop, "DesktopFormFactor", "<DesktopFormFactor>", problems);
  const homeTabs = children(desktop, NS.overrides, "ExtensionPoint")
    .filter((ep) => xsiType(ep) === "PrimaryCommandSurface")
    .flatMap((ep) => children(ep, NS.overrides, "OfficeTab"))
    .filter((tab) => attr(tab, "id") === "TabHome");
  const opensPane = homeTabs
    .flatMap((tab) => children(tab, NS.overrides, "Group"))
    .flatMap((group) => children(group, NS.overrides, "Control"))
    .filter((control) => xsiType(control) === "Button")
    .flatMap((control) => children(control, NS.overrides, "Action"))
    .filter((action) => xsiType(action) === "ShowTaskpane");
  if (opensPane.length === 0) {
    problems.add(
      "MISSING_ELEMENT",
      'No button on the Home tab (<OfficeTab id="TabHome">) whose <Action xsi:type="ShowTaskpane"> opens the task pane',
    );
  }
  for (const action of opensPane) {
    if (text(child(action, NS.overrides, "TaskpaneId")) === "") {
      problems.add("MISSING_ELEMENT", "The ShowTaskpane action has no <TaskpaneId>");
    }
  }
}

/** Every problem found in the manifest text; an empty list means it passed. */
export function checkManifest(xml: string, options: CheckManifestOptions = {}): ManifestProblem[] {
  const opts: CheckManifestOptions = { locales: ["zh-CN"], ...options };
  const problems = new Problems();
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return [{ code: "NOT_WELL_FORMED", message: error.message }];
    throw error;
  }

  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.office) {
    problems.add(
      "WRONG_ROOT",
      `The root element is <${root.tagName}> in namespace ${root.namespaceURI || "(none)"}; expected <OfficeApp> in ${NS.office}`,
    );
    return problems.list;
  }
  if (xsiType(root) !== "TaskPaneApp") {
    problems.add("WRONG_ROOT", `<OfficeApp xsi:type="${xsiType(root) ?? ""}">; expected xsi:type="TaskPaneApp"`);
  }
  checkBase(root, opts, problems);

  const wrongBt = allElements(root).find((el) => el.prefix === "bt" && el.namespaceURI !== NS.bt);
  const versionOverrides = root.children.find((el) => el.localName === "VersionOverrides");
  if (wrongBt) {
    problems.add("WRONG_NAMESPACE", `The bt: prefix is bound to ${wrongBt.namespaceURI || "(none)"}; expected ${NS.bt}`);
  } else if (!versionOverrides) {
    problems.add("MISSING_ELEMENT", "Missing <VersionOverrides> under <OfficeApp>");
  } else if (versionOverrides.namespaceURI !== NS.overrides) {
    problems.add(
      "WRONG_NAMESPACE",
      `<VersionOverrides> is in namespace ${versionOverrides.namespaceURI || "(none)"}; expected ${NS.overrides}`,
    );
  } else {
    if (xsiType(versionOverrides) !== "VersionOverridesV1_0") {
      problems.add(
        "BAD_VALUE",
        `<VersionOverrides xsi:type="${xsiType(versionOverrides) ?? ""}">; expected xsi:type="VersionOverridesV1_0"`,
      );
    }
    checkOrder(versionOverrides, "VersionOverrides", "<VersionOverrides>", problems);
    checkOverrides(versionOverrides, opts, problems);
  }

  for (const { source, url } of collectUrls(root)) checkUrl(source, url, opts, problems);
  for (const appDomain of descendants(root, NS.office, "AppDomain")) checkUrl("<AppDomain>", text(appDomain), opts, problems);
  return problems.list;
}

function checkOverrides(versionOverrides: XmlElement, options: CheckManifestOptions, problems: Problems): void {
  const resources = readResources(versionOverrides, problems);
  const used = checkResids(versionOverrides, resources, problems);
  for (const id of resources.keys()) {
    if (!used.has(id)) problems.add("UNUSED_RESOURCE", `Resource "${id}" is never referenced by a resid`);
  }
  const sizes = new Map<string, Set<string>>();
  for (const image of descendants(versionOverrides, NS.bt, "Image")) {
    const resid = attr(image, "resid");
    if (resid === undefined) continue;
    sizes.set(resid, (sizes.get(resid) ?? new Set()).add(attr(image, "size") ?? ""));
  }
  for (const [resid, used] of sizes) {
    if (used.size > 1) {
      problems.add("BAD_VALUE", `Image "${resid}" is used at sizes ${[...used].sort().join(" and ")}; one image serves one size`);
    }
  }

  const host = children(child(versionOverrides, NS.overrides, "Hosts") ?? versionOverrides, NS.overrides, "Host").find(
    (h) => xsiType(h) === "Workbook",
  );
  if (!host) {
    problems.add("MISSING_ELEMENT", '<VersionOverrides><Hosts> has no <Host xsi:type="Workbook">');
    return;
  }
  checkOrder(host, "Host", 'the Workbook <Host>', problems);
  const customFunctions = children(host, NS.overrides, "AllFormFactors")
    .flatMap((f) => children(f, NS.overrides, "ExtensionPoint"))
    .find((ep) => xsiType(ep) === "CustomFunctions");
  const namespaceResid = checkCustomFunctions(customFunctions, resources, options, problems);
  checkSharedRuntime(versionOverrides, host, customFunctions, problems);
  checkRibbon(host, problems);

  for (const resource of resources.values()) {
    if (resource.kind !== "ShortString" && resource.kind !== "LongString") continue;
    if (resource.id === namespaceResid) continue;
    for (const wanted of options.locales ?? []) {
      if (!hasLocale(resource.overrides, wanted)) {
        problems.add("MISSING_LOCALE", `String "${resource.id}" has no ${wanted} override`);
      }
    }
  }
}

function collectUrls(root: XmlElement): ManifestUrl[] {
  const urls: ManifestUrl[] = [];
  const iconSizes: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    for (const { source, value } of baseValues(root, name)) {
      const iconSize = iconSizes[name];
      urls.push(iconSize === undefined ? { source, url: value } : { source, url: value, iconSize });
    }
  }
  for (const location of children(child(root, NS.office, "DefaultSettings") ?? root, NS.office, "SourceLocation")) {
    urls.push({ source: "<DefaultSettings><SourceLocation>", url: attr(location, "DefaultValue") ?? "" });
  }

  const imageSizes = new Map<string, Set<number>>();
  for (const image of descendants(root, NS.bt, "Image")) {
    const resid = attr(image, "resid");
    const size = Number(attr(image, "size"));
    if (resid && Number.isInteger(size)) imageSizes.set(resid, (imageSizes.get(resid) ?? new Set()).add(size));
  }
  for (const [groupName, itemName] of [["Images", "Image"], ["Urls", "Url"]] as const) {
    for (const group of descendants(root, NS.bt, groupName)) {
      for (const item of children(group, NS.bt, itemName)) {
        const id = attr(item, "id") ?? "";
        const sizes = imageSizes.get(id);
        const iconSize = sizes?.size === 1 ? [...sizes][0] : undefined;
        const entry = (source: string, url: string): ManifestUrl =>
          iconSize === undefined ? { source, url } : { source, url, iconSize };
        urls.push(entry(`bt:${itemName} "${id}"`, attr(item, "DefaultValue") ?? ""));
        for (const [locale, value] of overridesOf(item, NS.bt)) urls.push(entry(`bt:${itemName} "${id}" (${locale})`, value));
      }
    }
  }
  return urls.filter((u) => u.url !== "");
}

/** Every URL the manifest names (icons, pages, scripts, metadata, support), for checks on built files. */
export function manifestUrls(xml: string): ManifestUrl[] {
  return collectUrls(parseXml(xml));
}
