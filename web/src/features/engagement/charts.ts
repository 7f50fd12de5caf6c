// The chart types the engagement page draws beyond the dashboard's bars and rings. ECharts keeps
// one registry, so registering them here lets the shared EChart draw them on this page only.
import * as echarts from 'echarts/core'
import { HeatmapChart, LineChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'

echarts.use([LineChart, HeatmapChart, VisualMapComponent])
