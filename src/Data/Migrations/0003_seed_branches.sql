-- The network's branches (DOMAIN.md): reference data every installation starts with. Coordinators
-- can change names and settings later; the codes are what the signup dialogs store.
INSERT INTO branches (id, code, name, city, track, time_zone, settings, created_at) VALUES
    ('0192f1a0-0000-7000-8000-000000000001', 'copenhagen', 'København', 'København', 'women', 'Europe/Copenhagen', '{}', now()),
    ('0192f1a0-0000-7000-8000-000000000002', 'aarhus', 'Aarhus/Aalborg', 'Aarhus', 'women', 'Europe/Copenhagen', '{}', now()),
    ('0192f1a0-0000-7000-8000-000000000003', 'esbjerg', 'Esbjerg/Varde', 'Esbjerg', 'mixed', 'Europe/Copenhagen', '{}', now()),
    ('0192f1a0-0000-7000-8000-000000000004', 'odense', 'Odense/Vollsmose', 'Odense', 'women', 'Europe/Copenhagen', '{}', now()),
    ('0192f1a0-0000-7000-8000-000000000005', 'tingbjerg', 'Tingbjerg', 'København', 'mixed', 'Europe/Copenhagen', '{}', now())
ON CONFLICT (code) DO NOTHING;
