// Data-quality flags where a flagged figure appears, in Chromium on the simulator page, in both
// languages: the Notes column of an inserted numeric table, the source line of a table the report
// has a problem with as a whole, and SOURCE typed into a cell. (The ⚑ marker in the Selected cell
// view is tested in selected-cell.test.ts.) Expected words come from the dataset, not from the code
// that writes them.
import { FLAG_LABELS } from "../../src/core/vocabulary";
import { bundledDataset } from "../helpers/bundled-dataset";
import { describeInBrowser, PreviewPage, useBrowserSession } from "./preview-browser";

jest.setTimeout(120_000);

const dataset = bundledDataset();
const figure = (id: string) => dataset.figures.find((f) => f.id === id)!;
const table = (id: string) => dataset.tables.find((t) => t.id === id)!;
const entity = (id: string) => dataset.entities.find((e) => e.id === id)!;
const metric = (id: string) => dataset.metrics.find((m) => m.id === id)!;

type Cell = { value: unknown };

describeInBrowser("data-quality flags on /preview.html", () => {
  const session = useBrowserSession();

  test.each(["en", "zh"] as const)("in %s: the Notes column, a table's source line and SOURCE carry the flags", async (language) => {
    const preview = await PreviewPage.open(session, `?lang=${language}`);
    await preview.chooseOption("language", language);
    await preview.chooseOption("mode", "snapshot");
    const name = await preview.insertAt("A1", "vendor_revenue");
    const rows = await preview.workbook<unknown[][]>(`wb.getValues(wb.getTable(${JSON.stringify(name)}).address)`);
    const header = rows[0] as string[];
    expect(header.at(-1)).toBe(language === "zh" ? "备注" : "Notes");
    const notesOf = (id: string) => rows.find((r) => r[0] === entity(id).name[language])!.at(-1) as string;

    // ByteDance's revenue carries both of its flags, each with the marker, label and note.
    const bytedance = notesOf("bytedance");
    const revenueName = metric("revenue").name[language];
    for (const flag of figure("bytedance.revenue.2026").flags!) {
      expect(bytedance).toContain(`⚑ ${revenueName} — ${FLAG_LABELS[flag.code][language]}`);
      expect(bytedance).toContain(flag.note[language]);
    }
    expect(bytedance.split("⚑").length - 1).toBe(2);
    expect(notesOf("google")).toContain(figure("google.revenue.2026").flags![0]!.note[language]);
    expect(notesOf("alibaba")).toBe("");
    // The grid shows the notes as text in the cell.
    await expect(preview.cell(`E${rows.findIndex((r) => r[0] === entity("bytedance").name[language]) + 1}`).innerText()).resolves.toMatch(/^⚑ /);

    // A table the report has problems with as a whole: its flags follow its source line.
    await preview.chooseOption("mode", "snapshot");
    await preview.insertAt("A14", "vendors_china");
    const rowsChina = table("vendors_china");
    const sourceLine = await preview.workbook<Cell>(`wb.getCell("Sheet1!A${14 + (rowsChina.kind === "source" ? rowsChina.rows.length : 0) + 1}")`);
    for (const flag of rowsChina.flags!) expect(String(sourceLine.value)).toContain(`⚑ ${FLAG_LABELS[flag.code][language]}`);

    // SOURCE typed into a cell ends with the flags, their labels and codes.
    const name1 = language === "zh" ? "字节跳动" : "ByteDance";
    await preview.typeInto("H1", `=AIMARKET.SOURCE("${name1}","revenue",,"${language}")`);
    const source = String((await preview.workbook<Cell>(`wb.getCell("Sheet1!H1")`)).value);
    for (const flag of figure("bytedance.revenue.2026").flags!) {
      expect(source).toContain(`⚑ ${FLAG_LABELS[flag.code][language]}`);
      expect(source).toContain(`[${flag.code}]`);
    }
    expect(source).toContain("“19亿美元(国内首位)”");
    // A Notes cell selected: the Selected cell view lists that row's flags with their ⚑ badges.
    await preview.selectCell("E6");
    await preview.page.waitForFunction(
      () => document.getElementById("aim-sc-address")?.textContent === "Sheet1!E6" && document.getElementById("aim-selected-cell-body")?.getAttribute("aria-busy") === "false",
    );
    await expect(preview.page.locator("#aim-selected-cell li[data-flag=contradicted_by_source]").count()).resolves.toBeGreaterThan(0);
    await preview.shoot(`flags-${language}`, "#aim-selected-cell");
  });
});
