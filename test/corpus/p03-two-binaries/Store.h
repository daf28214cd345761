// A store with its own pool, shared by two executables of one repository.
#pragma once
#include <soci/soci.h>
#include <cstdlib>

class EventStore {
public:
  EventStore() : pool_(4) {
    for (std::size_t I = 0; I != 4; ++I)
      pool_.at(I).open("postgresql", std::getenv("EVENTS_DATABASE_URL"));
  }

private:
  soci::connection_pool pool_;
};
