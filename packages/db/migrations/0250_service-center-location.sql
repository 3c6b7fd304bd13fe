-- Issue 11: where a service center is, for "where to go" on the public procedure page. Coordinates (WGS 84) for
-- the map link, and whether the address and position are demonstration data rather than the center's own (the
-- demo seed gives its wards the ward's seat as address and the ward's centroid as position: approximate, and the
-- page says so). An administrator who records the address through the organisation API clears the demo flag.
ALTER TABLE service_centers
  ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN demo_data boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT service_centers_position_check CHECK ((latitude IS NULL) = (longitude IS NULL));
