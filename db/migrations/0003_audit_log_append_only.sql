-- The audit log is append-only: no row can be deleted, and no recorded fact can be rewritten. The one update allowed
-- is the foreign key's own ON DELETE SET NULL of actor_id (actor_email keeps who it was).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.actor_id IS NOT NULL
     OR (NEW.actor_email, NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.ip, NEW.request_id, NEW.created_at)
        IS DISTINCT FROM
        (OLD.actor_email, OLD.action, OLD.entity_type, OLD.entity_id, OLD.before, OLD.after, OLD.ip, OLD.request_id, OLD.created_at)
  THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
