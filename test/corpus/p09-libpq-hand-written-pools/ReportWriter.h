// The reporting job keeps its own pqxx connections to the same database.
#pragma once
#include <pqxx/pqxx>
#include <cstdlib>
#include <memory>
#include <vector>

class ReportWriter {
public:
  ReportWriter() {
    for (int I = 0; I < 4; ++I)
      conns_.push_back(std::make_unique<pqxx::connection>(std::getenv("ORDERS_DSN"))); // poolguard-expect: poolguard-repeated-pool
  }

private:
  std::vector<std::unique_ptr<pqxx::connection>> conns_;
};
