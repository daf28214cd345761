// The database service of the incident: every instance owns its own pool.
#pragma once
#include <soci/soci.h>

class PrismaService {
public:
  PrismaService();

private:
  soci::connection_pool pool_;
};
