import type { AdminUnitsTables } from './admin-units.js';
import type { CalendarTables } from './calendar.js';
import type { CitizenFormsTables } from './citizen-forms.js';
import type { DossiersTables } from './dossiers.js';
import type { FeedbackTables } from './feedback.js';
import type { IdentityTables } from './identity.js';
import type { PaymentsTables } from './payments.js';
import type { PlatformTables } from './platform.js';
import type { ProceduresTables } from './procedures.js';
import type { QueueTables } from './queue.js';
import type { SearchTables } from './search.js';

/** All tables, as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case SQL). */
export interface DB
  extends PlatformTables,
    IdentityTables,
    AdminUnitsTables,
    CalendarTables,
    ProceduresTables,
    DossiersTables,
    SearchTables,
    PaymentsTables,
    FeedbackTables,
    QueueTables,
    CitizenFormsTables {}
