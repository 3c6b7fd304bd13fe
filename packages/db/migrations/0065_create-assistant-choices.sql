-- What people pick among the assistant's choices ("Có phải bạn muốn…"), or that none fitted (picked_code NULL),
-- so curators see what is asked and missed (issue 18). Anonymous by construction: no user, session, address or
-- request id; the question is stored folded with digits and e-mail addresses masked (core anonymiseQuestion).
CREATE TABLE assistant_choices (
  id            bigserial PRIMARY KEY,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  question      text NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
  status        text NOT NULL CHECK (status IN ('answered', 'suggest', 'not_sure')),
  offered_codes jsonb NOT NULL,
  picked_code   text,
  unit_code     text
);
CREATE INDEX assistant_choices_question_idx ON assistant_choices (question);
CREATE INDEX assistant_choices_time_idx ON assistant_choices (occurred_at);
