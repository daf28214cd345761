// The database service of the incident, built against the real SOCI: every
// instance owns its own pool and opens every session of it.
#pragma once
#include <cstddef>
#include <soci/connection-pool.h>

// The pool size: a macro, so that the test (test/pg/incident-live.test)
// builds and analyzes the same source with several sizes.
#ifndef INCIDENT_POOL_SIZE
#define INCIDENT_POOL_SIZE 10
#endif

class PrismaService {
public:
  static constexpr std::size_t PoolSize = INCIDENT_POOL_SIZE;
  PrismaService();

private:
  soci::connection_pool pool_;
};
