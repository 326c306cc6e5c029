import { Box } from '@mui/material';
import type { WaitingSample } from '../../../contract/supervision';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { waitingChartGeometry } from '../waiting-chart';

const WIDTH = 120;
const HEIGHT = 28;

interface Props {
  queueName: string;
  samples: readonly WaitingSample[];
  /** The count now and the server time it was read at: the right edge of the chart. */
  current: { at: string; waiting: number };
}

/** A queue's waiting conversations over the last hour, as a small step chart in plain SVG. */
export function WaitingSparkline({ queueName, samples, current }: Props) {
  const geometry = waitingChartGeometry(samples, current, { width: WIDTH, height: HEIGHT });
  const s = supervisorStrings;
  const label = geometry
    ? s.chartLabel(queueName, geometry.latest, geometry.highest, geometry.lowest)
    : s.chartEmpty(queueName);
  return (
    <Box
      component="svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT + 2}`}
      sx={{ width: WIDTH, height: HEIGHT + 2, display: 'block', overflow: 'visible' }}
    >
      <title>{label}</title>
      {/* The baseline, so an empty chart still reads as "zero for an hour". */}
      <Box
        component="line"
        x1={0}
        x2={WIDTH}
        y1={HEIGHT + 1}
        y2={HEIGHT + 1}
        sx={{ stroke: (t) => t.palette.text.disabled, strokeWidth: 1, strokeDasharray: '2 3' }}
      />
      {geometry && (
        <g transform="translate(0 1)">
          <Box component="path" d={geometry.area} sx={{ fill: (t) => t.palette.primary.main, fillOpacity: 0.12 }} />
          <Box
            component="path"
            d={geometry.line}
            sx={{ fill: 'none', stroke: (t) => t.palette.primary.main, strokeWidth: 1.5, strokeLinejoin: 'round' }}
          />
          <Box component="circle" cx={geometry.end.x} cy={geometry.end.y} r={2.5} sx={{ fill: (t) => t.palette.primary.main }} />
        </g>
      )}
    </Box>
  );
}
