-- Plate tails ("A513", "0A513" of 粤L0A513): the plate read from its end is a prefix lookup. An expression index
-- (written by hand: drizzle-kit splits an expression at its commas); SQLite keeps it on every write.
CREATE INDEX `vehicles_plate_reversed_owner_idx` ON `vehicles` (substr(plate, -1, 1) || substr(plate, -2, 1) || substr(plate, -3, 1) || substr(plate, -4, 1) || substr(plate, -5, 1) || substr(plate, -6, 1) || substr(plate, -7, 1) || substr(plate, -8, 1) || substr(plate, -9, 1) || substr(plate, -10, 1), `owner_id`);
