"""The Lua scripts of the Redis state manager; each runs atomically inside Redis.

Keys, for a client token T and the manager's prefix P (default "pyx:"):
  P state:{T}     the pickled states (state/pickled.py), expiring after the idle TTL
  P lock:{T}      the per-client lock: a random owner id, expiring after the lock TTL
  P unlocked:{T}  a pub/sub channel; a release publishes on it so waiters retry at once
  P seen:{T}      a tombstone outliving the state by a week: a hydrate that finds the state
                  gone but this key there tells the page its state expired
The braces are a Redis Cluster hash tag (a client's keys share a slot); the channel is passed
as an argument, not a key, as Cluster wants every key of a script in one slot.
"""

# KEYS: lock, state.  ARGV: owner, lock ms.
# Take the lock and read the state in one round trip. Returns {1, state or false} when taken,
# {0, ms the lock still has} when another owner holds it.
ACQUIRE_AND_LOAD = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2])}
end
return {0, redis.call('PTTL', KEYS[1])}
"""

# KEYS: lock.  ARGV: owner, lock ms.
# Take the lock only (a hydrate reads without writing back). Returns -1, or the ms left.
ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return -1
end
return redis.call('PTTL', KEYS[1])
"""

# KEYS: lock, state, seen.  ARGV: owner, state bytes ('' keeps the stored bytes), idle ms, seen ms.
# Write the state only while still the lock's owner: a worker whose lock expired (it stalled,
# another took over) must not overwrite the newer state. Returns 1 when written, 0 when not.
_WRITE_IF_OWNER = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
if ARGV[2] == '' then
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
else
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
"""
SAVE = _WRITE_IF_OWNER + "return 1\n"

# KEYS: lock.  ARGV: owner, unlocked channel.
# Compare-and-delete: a lock that expired and was taken by another owner is left alone.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[2], '')
  return 1
end
return 0
"""

# KEYS: lock, state, seen.  ARGV: owner, state bytes ('' keeps them), idle ms, seen ms, unlocked channel.
# SAVE then RELEASE in one round trip, the end of every event.
SAVE_AND_RELEASE = _WRITE_IF_OWNER + """redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[5], '')
return 1
"""

# KEYS: lock.  ARGV: owner, lock ms. Extend a lock still held by a handler that runs long.
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""
