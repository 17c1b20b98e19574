export { FunctionsBundle, StubExcelError, type CellResult, type StreamingCell } from "../../src/build/functions-bundle";
