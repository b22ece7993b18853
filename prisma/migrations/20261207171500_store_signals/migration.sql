-- Store signals (src/store/signals.ts) are sent by the database: every writer (Prisma's
-- model API, raw SQL, the driver, a script) is heard alike. NOTIFY reaches listeners
-- when the writing transaction commits, never after a rollback, and a repeat within
-- one transaction is delivered once. Channel names are channelOf(topic): 'xf_' || topic.

-- outbox: a message to push is pending; the channel's sender needs the conversation and channel.
CREATE FUNCTION xf_signal_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('xf_outbox', json_build_object('conversationId', c.id::text, 'channel', c.channel)::text)
  FROM conversations c WHERE c.id = NEW.conversation_id;
  RETURN NULL;
END $$;

CREATE TRIGGER messages_signal_outbox AFTER INSERT ON "messages"
  FOR EACH ROW WHEN (NEW.delivery = 'pending') EXECUTE FUNCTION xf_signal_outbox();

-- A payload-free hint on the topic named by the trigger's argument.
CREATE FUNCTION xf_signal_on_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('xf_' || TG_ARGV[0], '{}');
  RETURN NULL;
END $$;

-- inbox: the staff inbox's fingerprint (src/store/sql/waiting-chats.ts) reads the id and
-- version of waiting chats, so a chat that starts or stops waiting, or a waiting chat's
-- new version, changes it. Other conversation updates (most chat turns) fire nothing.
CREATE TRIGGER conversations_signal_inbox AFTER UPDATE ON "conversations"
  FOR EACH ROW
  WHEN ((OLD.waiting_since IS NOT NULL OR NEW.waiting_since IS NOT NULL)
    AND (OLD.waiting_since IS DISTINCT FROM NEW.waiting_since OR OLD.version <> NEW.version))
  EXECUTE FUNCTION xf_signal_on_row('inbox');

CREATE TRIGGER conversations_signal_inbox_delete AFTER DELETE ON "conversations"
  FOR EACH ROW WHEN (OLD.waiting_since IS NOT NULL) EXECUTE FUNCTION xf_signal_on_row('inbox');

-- alert: a staff alert was raised (a duplicate skipped by ON CONFLICT inserts no row and fires nothing).
CREATE TRIGGER alerts_signal AFTER INSERT ON "alerts"
  FOR EACH ROW EXECUTE FUNCTION xf_signal_on_row('alert');
