#===----------------------------------------------------------------------===//
# Install layout and the Debian package (docs/install.md):
#   bin/poolguard, bin/poolguard-clangd
#   lib/poolguard/libPoolGuardTidyModule.so (+ libPoolGuardTidyChecks.so,
#     which the first loads from its own directory)
#   share/doc/poolguard/ (README.md, docs/, LICENSE; copyright and
#     changelog.gz, as Debian policy asks)
#   share/man/man1/poolguard.1.gz, poolguard-clangd.1.gz (help2man, from
#     --help)
#   share/poolguard/bazel/ (the Bazel rules; poolguard -> ../../../bin/poolguard)
# The framework models are compiled into the binaries: nothing else is read
# at run time but clang's builtin headers, from the LLVM it was built with.
#===----------------------------------------------------------------------===//
include(GNUInstallDirs)

set(POOLGUARD_PLUGIN_DIR "${CMAKE_INSTALL_LIBDIR}/poolguard")
install(TARGETS poolguard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET poolguard-clangd)
  install(TARGETS poolguard-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(TARGETS PoolGuardTidyModule PoolGuardTidyChecks
  LIBRARY DESTINATION ${POOLGUARD_PLUGIN_DIR})
# The Bazel repository @poolguard (docs/scale.md): the rules, and beside
# them a link to the installed poolguard, the binary their actions run.
set(POOLGUARD_BAZEL_DIR "${CMAKE_INSTALL_DATADIR}/poolguard/bazel")
install(FILES bazel/BUILD.bazel bazel/MODULE.bazel bazel/WORKSPACE
  bazel/poolguard.bzl DESTINATION ${POOLGUARD_BAZEL_DIR})
file(RELATIVE_PATH POOLGUARD_BAZEL_TO_BIN "/${POOLGUARD_BAZEL_DIR}"
  "/${CMAKE_INSTALL_BINDIR}/poolguard")
install(CODE "file(CREATE_LINK \"${POOLGUARD_BAZEL_TO_BIN}\"
  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${POOLGUARD_BAZEL_DIR}/poolguard\"
  SYMBOLIC)")
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# Man pages generated from --help by Debian's help2man, never written by hand.
find_program(POOLGUARD_HELP2MAN help2man)
if(POOLGUARD_HELP2MAN)
  set(POOLGUARD_MAN_PAGES)
  foreach(prog poolguard poolguard-clangd)
    if(NOT TARGET ${prog})
      continue()
    endif()
    set(page ${CMAKE_BINARY_DIR}/man/${prog}.1)
    if(prog STREQUAL "poolguard")
      set(summary "find duplicated connection pools and broken DSN query strings in C++ services")
    else()
      set(summary "clangd with poolguard's clang-tidy checks linked in")
    endif()
    # Debian policy: manual pages are installed compressed.
    add_custom_command(OUTPUT ${page}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${POOLGUARD_HELP2MAN} --no-info --no-discard-stderr
              --name=${summary} --output=${page} $<TARGET_FILE:${prog}>
      COMMAND gzip -9nf ${page}
      DEPENDS ${prog}
      COMMENT "Generating the ${prog}(1) man page with help2man"
      VERBATIM)
    list(APPEND POOLGUARD_MAN_PAGES ${page}.gz)
  endforeach()
  add_custom_target(poolguard-man ALL DEPENDS ${POOLGUARD_MAN_PAGES})
  install(FILES ${POOLGUARD_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "poolguard: help2man not found (Debian package help2man); "
    "no man pages")
endif()

# Debian package: cpack -G DEB in the build directory.
set(CPACK_PACKAGE_NAME poolguard)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "poolguard")
set(CPACK_PACKAGE_CONTACT "poolguard maintainers <poolguard@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for duplicated connection pools in C++ services")
set(CPACK_PACKAGE_DESCRIPTION
  "poolguard is a clang-tidy-style static analyzer. It finds a pool-owning\n\
service provided by several modules, several pool creations that reach one\n\
database, the connections per database server against its limit, and DSN\n\
strings built by appending '?param' to a URL that already has a query.\n\
It ships a standalone tool, a clang-tidy plugin and a clangd with its checks.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/poolguard/poolguard")
# The LLVM and C++ runtime libraries come from dpkg-shlibdeps; clang's builtin
# headers (resource directory) from libclang-common; the plugin is for the
# clang-tidy of the same LLVM.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${LLVM_VERSION_MAJOR}-dev")
# libpq5: loaded by --server-limits only (dlopen, so not found by
# dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LLVM_VERSION_MAJOR}, libpq5")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debian policy files: copyright and a compressed changelog in the doc dir.
set(POOLGUARD_DEB_DOC ${CMAKE_BINARY_DIR}/deb-doc)
file(MAKE_DIRECTORY ${POOLGUARD_DEB_DOC})
configure_file(${CMAKE_SOURCE_DIR}/cmake/copyright.in
  ${POOLGUARD_DEB_DOC}/copyright @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/cmake/changelog.in
  ${POOLGUARD_DEB_DOC}/changelog @ONLY)
add_custom_command(OUTPUT ${POOLGUARD_DEB_DOC}/changelog.gz
  COMMAND gzip -9nkf ${POOLGUARD_DEB_DOC}/changelog
  DEPENDS ${POOLGUARD_DEB_DOC}/changelog
  VERBATIM)
add_custom_target(poolguard-deb-doc ALL
  DEPENDS ${POOLGUARD_DEB_DOC}/changelog.gz)
install(FILES ${POOLGUARD_DEB_DOC}/copyright
  ${POOLGUARD_DEB_DOC}/changelog.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(CPack)
