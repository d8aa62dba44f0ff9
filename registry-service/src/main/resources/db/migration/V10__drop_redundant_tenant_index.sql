-- client_registration_software_idx (tenant, software_id, status) serves every look-up by tenant
-- alone as well; the index on tenant only was one more to update on every registration.
DROP INDEX client_registration_tenant_idx;
