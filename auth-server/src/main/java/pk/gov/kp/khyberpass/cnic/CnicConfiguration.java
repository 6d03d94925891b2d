package pk.gov.kp.khyberpass.cnic;

import pk.gov.kp.khyberpass.keys.MasterKey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CnicConfiguration {

	@Bean
	CnicProtector cnicProtector(MasterKey masterKey) {
		return new CnicProtector(masterKey);
	}

}
