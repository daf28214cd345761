// Mock of Wt/Dbo/backend/Postgres.h (emweb/wt 4.x), trimmed.
#ifndef POOLGUARD_MOCK_WT_DBO_BACKEND_POSTGRES_H
#define POOLGUARD_MOCK_WT_DBO_BACKEND_POSTGRES_H
#include <Wt/Dbo/SqlConnection.h>
#include <string>
namespace Wt {
namespace Dbo {
namespace backend {
class Postgres : public SqlConnection {
public:
  Postgres();
  explicit Postgres(const std::string &db);
};
} // namespace backend
} // namespace Dbo
} // namespace Wt
#endif
