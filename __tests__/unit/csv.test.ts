import { csvCell } from "@/lib/csv";

describe("csvCell", () => {
  it.each([
    ["Dupont", "Dupont"],
    ["N'Diaye", "N'Diaye"],
    ["a;b", '"a;b"'],
    ['dit "Lulu"', '"dit ""Lulu"""'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+33 6 12", "'+33 6 12"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
  ])("%p → %p", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
