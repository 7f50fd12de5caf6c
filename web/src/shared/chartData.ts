// What a chart draws, in words, for whoever cannot see the picture: the same numbers as rows
// (one per bar or slice) and columns (one per series), already formatted in the page's language.
// EChart reads their summary as the chart's name and lays them out as a table only a screen
// reader finds (ChartTable).
export interface ChartData {
  /** The header of the rows' names ("Tổ chức"). */
  rowHeader: string
  /** One header per value in a row ("Đã nhận", "Đã chi"). */
  columns: string[]
  rows: { name: string; values: string[] }[]
  /** Words for the whole chart where reading every cell would be too long (else chartSummary). */
  summary?: string
}

/** "CĐ: 40; ĐTN: 22", or with several columns "Quỹ A: Đã nhận 2.000.000 đ, Đã chi 0 đ; …". */
export function chartSummary(data: ChartData): string {
  if (data.summary) return data.summary
  return data.rows
    .map((row) => {
      if (data.columns.length === 1) return `${row.name}: ${row.values[0]}`
      return `${row.name}: ${row.values.map((value, index) => `${data.columns[index]} ${value}`).join(', ')}`
    })
    .join('; ')
}
