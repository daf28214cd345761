// Mock of mysql.h (the MySQL/MariaDB C API), trimmed to the connection
// functions with their real signatures.
#ifndef POOLGUARD_MOCK_MYSQL_H
#define POOLGUARD_MOCK_MYSQL_H
#define STDCALL
#ifdef __cplusplus
extern "C" {
#endif
typedef struct MYSQL { int dummy; } MYSQL;
MYSQL *STDCALL mysql_init(MYSQL *mysql);
MYSQL *STDCALL mysql_real_connect(MYSQL *mysql, const char *host,
                                  const char *user, const char *passwd,
                                  const char *db, unsigned int port,
                                  const char *unix_socket,
                                  unsigned long clientflag);
void STDCALL mysql_close(MYSQL *sock);
int STDCALL mysql_query(MYSQL *mysql, const char *q);
#ifdef __cplusplus
}
#endif
#endif
