-- The story type of each article (annales.story): the PLOVER type a learned model gives the
-- whole story, with its probability and the model's name.  NULL for articles coded without it
-- (and for every article stored before this migration).
ALTER TABLE articles ADD COLUMN story_type VARCHAR;
ALTER TABLE articles ADD COLUMN story_type_probability DOUBLE;
ALTER TABLE articles ADD COLUMN story_type_model VARCHAR;
