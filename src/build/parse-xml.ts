// A strict, namespace-aware XML reader (saxes) producing a small element tree, for the manifest checks.
import { SaxesParser, type SaxesTagNS } from "saxes";

/** An element of a parsed document: names resolved to namespaces, direct text only. */
export interface XmlElement {
  /** As written, e.g. "bt:Image". */
  tagName: string;
  prefix: string;
  localName: string;
  namespaceURI: string;
  /** Attributes by namespace URI ("" for unprefixed ones) and local name. */
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
}

export function attr(el: XmlElement | undefined, name: string, ns = ""): string | undefined {
  return el?.attributes.get(`${ns} ${name}`);
}

export function children(parent: XmlElement, ns: string, localName: string): XmlElement[] {
  return parent.children.filter((el) => el.namespaceURI === ns && el.localName === localName);
}

export function child(parent: XmlElement | undefined, ns: string, localName: string): XmlElement | undefined {
  return parent ? children(parent, ns, localName)[0] : undefined;
}

export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

export function descendants(root: XmlElement, ns: string, localName: string): XmlElement[] {
  return allElements(root).filter((el) => el !== root && el.namespaceURI === ns && el.localName === localName);
}

/** Parses strictly (XML 1.0 with namespaces); throws an XmlParseError saying where the text breaks. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let firstError: string | undefined;
  parser.on("error", (error) => {
    firstError ??= error.message;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const el: XmlElement = {
      tagName: tag.name,
      prefix: tag.prefix,
      localName: tag.local,
      namespaceURI: tag.uri,
      attributes: new Map(Object.values(tag.attributes).map((a) => [`${a.uri} ${a.local}`, a.value])),
      children: [],
      text: "",
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on("text", (value) => {
    const current = stack[stack.length - 1];
    if (current) current.text += value;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    firstError ??= (error as Error).message;
  }
  if (firstError !== undefined || !root) {
    const at = /^(\d+):(\d+): (.*)$/s.exec(firstError ?? "");
    throw new XmlParseError(
      at ? `Not well-formed XML (line ${at[1]}, column ${at[2]}): ${at[3]}` : `Not well-formed XML: ${firstError ?? "no root element"}`,
    );
  }
  return root;
}

export class XmlParseError extends Error {
  readonly code = "NOT_WELL_FORMED";
  constructor(message: string) {
    super(message);
    this.name = "XmlParseError";
  }
}
