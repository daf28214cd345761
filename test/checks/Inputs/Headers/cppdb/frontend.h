// Mock of cppdb/frontend.h (CppCMS cppdb 0.3), trimmed.
#ifndef POOLGUARD_MOCK_CPPDB_FRONTEND_H
#define POOLGUARD_MOCK_CPPDB_FRONTEND_H
#include <string>
namespace cppdb {
class session {
public:
  session();
  explicit session(const std::string &connection_string);
  void open(const std::string &connection_string);
  void close();
};
} // namespace cppdb
#endif
