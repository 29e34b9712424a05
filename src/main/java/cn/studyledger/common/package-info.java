/**
 * Small shared vocabulary every module may use: the base entity, the business exceptions and their
 * problem types, the signed-in user and its roles, and the audit log writer.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.studyledger.common;

import org.springframework.modulith.ApplicationModule;
