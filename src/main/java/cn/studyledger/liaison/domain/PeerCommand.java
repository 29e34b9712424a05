package cn.studyledger.liaison.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Another installation to trust: a name for it, its public key (Base64, as its 安装信息 shows it), the fingerprint
 * the other side read out (checked against the key, so a key swapped on the way is refused), and the code of the
 * organisation it stands for here — the organisation directly above, or a direct subordinate unit.
 */
public record PeerCommand(
        @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不超过100字")
        String name,

        @NotBlank(message = "请填写对方安装的公钥") @Size(max = 200, message = "公钥过长")
        String publicKey,

        @NotBlank(message = "请填写对方告知的公钥指纹") @Size(max = 100, message = "指纹过长")
        String fingerprint,

        @NotBlank(message = "请选择对方代表的组织") @Size(max = 64, message = "组织代码过长")
        String standsFor) {}
