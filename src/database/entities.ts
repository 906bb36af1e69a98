import { City } from '../registry/entities/city.entity';
import { CityDocument } from '../registry/entities/city-document.entity';
import { CityNetwork } from '../registry/entities/city-network.entity';
import { CooperationArea } from '../registry/entities/cooperation-area.entity';
import { Goal } from '../registry/entities/goal.entity';
import { Principle } from '../registry/entities/principle.entity';

/** Every entity of the app, in one list shared by the app, the tests and the migration CLI. */
export const ENTITIES = [City, CityDocument, CityNetwork, CooperationArea, Goal, Principle];
