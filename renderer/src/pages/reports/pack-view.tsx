import type { ReportPack } from '../../../../electron/contract/reports';
import { PackCallbacks } from './pack-callbacks';
import { PackComplaints } from './pack-complaints';
import { PackEvents } from './pack-events';
import { PackGrades } from './pack-grades';
import { PackKpis } from './pack-kpis';
import { PackStructure } from './pack-structure';
import './report-pack.css';

/** The whole pack in the order; the screen, the print view and the compare view all show this. */
export function PackView({ pack }: { pack: ReportPack }) {
  return (
    <div className="rp-pack">
      <PackKpis pack={pack} />
      <PackCallbacks pack={pack} />
      <PackComplaints pack={pack} />
      <PackEvents pack={pack} />
      <PackStructure pack={pack} />
      <PackGrades pack={pack} />
    </div>
  );
}
